// The indexer's jemalloc options (read by jemalloc at start-up; ignored by any other allocator,
// and MALLOC_CONF in the environment still overrides them).
//
// A fresh build touches its whole peak footprint once (Xapian's inverter, the documents of the
// blocks in flight, the spelling counts): on the 1x bench corpus about 50,000 first-touch page
// faults of 4 KB. On a virtual machine each one also traps to the hypervisor (the bench machine
// is a PVM guest). Transparent huge pages for jemalloc's memory and its own metadata take that
// to about 8,000: in eight 1x builds alternating with the default, 3-27% more articles/s
// (median 8%) and 9% less CPU; no change on 10x, where memory is reused from the first blocks
// on. The price is a coarser footprint: peak RSS 185 -> 200-220 MB on 1x, 300 -> 337 MB on 10x.
// The system's THP mode decides: with "never" this asks for nothing.
//
// Only the indexer: the server's memory stays small and steady (33 page faults in 3 s of
// searches at c=2), where 2 MB pages would only inflate its RSS.
extern "C" {
const char* malloc_conf = "thp:always,metadata_thp:always";
}
