// A SAX front for nlohmann's DOM builder: same result, but a parse error becomes a located
// message instead of an exception, and nesting deeper than the limit is refused where it starts.
#include "core/json_text.hpp"

#include <cstddef>
#include <vector>

#include "core/decimal_text.hpp"
#include "core/json_reader.hpp"
#include "core/quote.hpp"

namespace pdp {
namespace {

using Json = nlohmann::json;
using DomBuilder = nlohmann::detail::json_sax_dom_parser<Json>;

class LocatingBuilder {
 public:
  LocatingBuilder(Json& result, std::size_t max_depth)
      : dom_(result, false), max_depth_(max_depth) {}

  bool null() { return done(dom_.null()); }
  bool boolean(bool value) { return done(dom_.boolean(value)); }
  bool number_integer(Json::number_integer_t value) { return done(dom_.number_integer(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return done(dom_.number_unsigned(value)); }
  bool number_float(Json::number_float_t value, const Json::string_t& text) {
    return done(dom_.number_float(value, text));
  }
  bool string(Json::string_t& value) { return done(dom_.string(value)); }
  bool binary(Json::binary_t& value) { return done(dom_.binary(value)); }
  bool start_object(std::size_t size) { return enter(false) && dom_.start_object(size); }
  bool key(Json::string_t& value) {
    frames_[depth_ - 1].key.assign(value);  // into the frame's own buffer, kept from call to call
    return dom_.key(value);
  }
  bool end_object() { return leave() && dom_.end_object(); }
  bool start_array(std::size_t size) { return enter(true) && dom_.start_array(size); }
  bool end_array() { return leave() && dom_.end_array(); }
  template <typename Exception>
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const Exception& ex) {
    detail_ = ex.what();
    return false;
  }

  // The JSON pointer of the value that went too deep, or nullptr.
  const std::string* too_deep_at() const { return too_deep_ ? &too_deep_at_ : nullptr; }
  const std::string& detail() const { return detail_; }

 private:
  // Where the parser stands in one array or object.
  struct Frame {
    bool array = false;
    std::size_t index = 0;  // arrays: the element being read
    std::string key;        // objects: the member being read
  };

  bool done(bool ok) {
    if (depth_ > 0 && frames_[depth_ - 1].array) ++frames_[depth_ - 1].index;
    return ok;
  }
  bool enter(bool array) {
    if (depth_ >= max_depth_) {
      too_deep_ = true;
      for (std::size_t d = 0; d < depth_; ++d) {
        const Frame& frame = frames_[d];
        too_deep_at_ += "/" + (frame.array ? decimal_text(frame.index) : pointer_token(frame.key));
      }
      return false;
    }
    // Frames are reused rather than popped, so that their keys' buffers are allocated once.
    if (depth_ == frames_.size()) frames_.emplace_back();
    frames_[depth_].array = array;
    frames_[depth_].index = 0;
    ++depth_;
    return true;
  }
  bool leave() {
    --depth_;
    return done(true);
  }

  DomBuilder dom_;
  std::size_t max_depth_;
  std::vector<Frame> frames_;
  std::size_t depth_ = 0;  // the frames in use: frames_[0, depth_)
  bool too_deep_ = false;
  std::string too_deep_at_;
  std::string detail_;
};

// nlohmann's messages start with "[json.exception.parse_error.101] "; keep what follows, and
// quote it safely: it repeats the last bytes read, which may be anything.
std::string readable(const std::string& detail) {
  auto end = detail.find("] ");
  return quoted_text(end == std::string::npos ? detail : detail.substr(end + 2), 200);
}

}  // namespace

Expected<Json> parse_json_text(const std::string& text, const std::string& invalid_code,
                               const std::string& path, const JsonTextLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return Error{limits.scope + ".too_large",
                 limits.name + " holds more than " + decimal_text(limits.max_bytes) +
                     " bytes, the most accepted",
                 path};
  }
  Json result;
  LocatingBuilder builder(result, limits.max_depth);
  const bool ok = Json::sax_parse(text, &builder, Json::input_format_t::json, true, false);
  if (const std::string* at = builder.too_deep_at()) {
    return Error{limits.scope + ".too_deep",
                 limits.name + " nests arrays and objects more than " +
                     decimal_text(limits.max_depth) + " levels deep, at \"" +
                     quoted_text(*at, 100) + "\"",
                 path + *at};
  }
  if (!ok) {
    std::string message = builder.detail().empty()
                              ? limits.name + " is not valid JSON"
                              : limits.name + " is not valid JSON: " + readable(builder.detail());
    return Error{invalid_code, message, path};
  }
  return result;
}

}  // namespace pdp
