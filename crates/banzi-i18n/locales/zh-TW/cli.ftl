# Messages of the cli area.
