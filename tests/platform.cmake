# Storage, GPU/network, firmware, virtualisation and OS probes; the golden
# fixture machines; the live probe on the machine running the tests.
lf_add_unit_test(test-platform unit/test-platform.c)
