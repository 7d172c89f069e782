// The digest the page's module recognises its rules by: the standard's test vectors, and the
// lengths where the padding takes a second block.
#include <catch2/catch.hpp>

#include <string>

#include "core/sha256.hpp"

TEST_CASE("the SHA-256 of the standard's messages is the standard's digest") {
  const auto [message, digest] = GENERATE(table<std::string, std::string>({
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmn"
       "opqrsmnopqrstnopqrstu",
       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
  }));
  CAPTURE(message);
  CHECK(pdp::sha256_hex(message) == digest);
}

TEST_CASE("a million 'a' hash to the standard's digest (many blocks)") {
  CHECK(pdp::sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("messages of 55, 56, 63 and 64 bytes pad as sha256sum does") {
  const auto [length, digest] = GENERATE(table<std::size_t, std::string>({
      {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
  }));
  CAPTURE(length);
  CHECK(pdp::sha256_hex(std::string(length, 'a')) == digest);
}
