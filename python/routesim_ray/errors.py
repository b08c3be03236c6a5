"""The errors routesim-ray tells the user as one message (this module imports no Ray)."""


class UsageError(Exception):
    """A command line routesim-ray cannot run; exit status 2."""


class DriverError(Exception):
    """What stopped the experiment on the cluster; exit status 1."""
