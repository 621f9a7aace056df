# Messages of the ballot area.
