"""Models of step 5's part 'organisatie'."""
