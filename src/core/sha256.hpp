// SHA-256 (FIPS 180-4): the digest by which the page's module recognises the rules bundles the
// build has checked (docs/security.md §4), so that it need not check them again.
#pragma once

#include <string>
#include <string_view>

namespace pdp {

// The digest of `bytes` as 64 lower-case hexadecimal digits, as `sha256sum` prints it.
std::string sha256_hex(std::string_view bytes);

}  // namespace pdp
