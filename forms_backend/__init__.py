"""Form backend of the CUS catalogue: requests and reports reach the centre exactly once."""
