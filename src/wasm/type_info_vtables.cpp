// The page's module defines the vtables of the C++ run-time library's type_info classes itself,
// empty, so that the linker does not take libc++abi's: theirs name the functions that only
// dynamic_cast, typeid and catch call (about 3 KB of code, 1 KB brotli, docs/performance.md).
//
// The module is compiled without RTTI and without exceptions, so none of those is ever called; the
// type_info objects are still there because the prebuilt libc++ has RTTI: nlohmann::json's
// parse_error holds a std::runtime_error, and shared_ptr's control block derives from the
// library's __shared_weak_count, and their vtables name their type_info. Those objects stay, with
// these vtables: were a virtual function of one ever called, it would call the null function, a
// trap, which engine.js answers like any other (an error reply, a fresh instance). Should the
// module one day need libc++abi's definitions, the link fails on symbols defined twice.
extern "C" {

// Each as libc++abi lays it out (private_typeinfo.h): the offset to the top, the type_info, then
// eight virtual functions (the two destructors, noop1, noop2, can_catch and dynamic_cast's three
// searches), all null.
extern const void* const kClassTypeInfoVtable[10] __asm__("_ZTVN10__cxxabiv117__class_type_infoE");
extern const void* const kSingleBaseTypeInfoVtable[10] __asm__(
    "_ZTVN10__cxxabiv120__si_class_type_infoE");
extern const void* const kMultipleBaseTypeInfoVtable[10] __asm__(
    "_ZTVN10__cxxabiv121__vmi_class_type_infoE");

const void* const kClassTypeInfoVtable[10] = {};
const void* const kSingleBaseTypeInfoVtable[10] = {};
const void* const kMultipleBaseTypeInfoVtable[10] = {};

}  // extern "C"
