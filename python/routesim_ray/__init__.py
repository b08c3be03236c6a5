"""routesim on a Ray cluster: an experiment cut into parts, run as Ray tasks, merged into one file."""
