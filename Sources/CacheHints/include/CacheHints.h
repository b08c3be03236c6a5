// Cache hints for the engine's hot loop, which Swift cannot express.
#ifndef ROUTESIM_CACHE_HINTS_H
#define ROUTESIM_CACHE_HINTS_H

/// Asks the processor to bring the cache line that holds `address` into its caches, ready
/// to be written. A hint only: it changes no value and never faults, whatever the address.
static inline void routesim_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
