# Messages of the store area.
