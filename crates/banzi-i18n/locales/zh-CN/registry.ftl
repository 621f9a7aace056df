# Messages of the registry area.
