# Messages of the roster area.
