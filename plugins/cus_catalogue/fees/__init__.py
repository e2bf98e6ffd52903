"""Fees that depend on income: the statutory income criterion and a service's fee table."""
