"""Documents of services (rules, application forms, leaflets) published with stable URLs."""
