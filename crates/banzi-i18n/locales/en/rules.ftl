# Messages of the rules area.
