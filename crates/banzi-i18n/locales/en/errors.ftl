# Messages of the errors area.
