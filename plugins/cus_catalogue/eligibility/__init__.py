"""Who a service is for, in answers a resident can give: conditions, ages, residence."""
