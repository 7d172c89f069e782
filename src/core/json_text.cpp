// A SAX front for nlohmann's DOM builder: same result, but a parse error becomes a located
// message instead of an exception, and nesting deeper than the limit is refused.
#include "core/json_text.hpp"

#include <cstddef>

namespace pdp {
namespace {

using Json = nlohmann::json;
using DomBuilder = nlohmann::detail::json_sax_dom_parser<Json>;

class LocatingBuilder {
 public:
  LocatingBuilder(Json& result, std::size_t max_depth)
      : dom_(result, false), max_depth_(max_depth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool value) { return dom_.boolean(value); }
  bool number_integer(Json::number_integer_t value) { return dom_.number_integer(value); }
  bool number_unsigned(Json::number_unsigned_t value) { return dom_.number_unsigned(value); }
  bool number_float(Json::number_float_t value, const Json::string_t& text) {
    return dom_.number_float(value, text);
  }
  bool string(Json::string_t& value) { return dom_.string(value); }
  bool binary(Json::binary_t& value) { return dom_.binary(value); }
  bool start_object(std::size_t size) { return enter() && dom_.start_object(size); }
  bool key(Json::string_t& value) { return dom_.key(value); }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t size) { return enter() && dom_.start_array(size); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  template <typename Exception>
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const Exception& ex) {
    position_ = position;
    detail_ = ex.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  std::size_t position() const { return position_; }
  const std::string& detail() const { return detail_; }

 private:
  bool enter() {
    if (++depth_ > max_depth_) {
      too_deep_ = true;
      return false;
    }
    return true;
  }

  DomBuilder dom_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
  std::size_t position_ = 0;
  std::string detail_;
};

// nlohmann's messages start with "[json.exception.parse_error.101] "; keep what follows.
std::string readable(const std::string& detail) {
  auto end = detail.find("] ");
  return end == std::string::npos ? detail : detail.substr(end + 2);
}

}  // namespace

Expected<Json> parse_json_text(const std::string& text, const std::string& code,
                               const std::string& path, JsonTextLimits limits) {
  Json result;
  LocatingBuilder builder(result, limits.max_depth);
  const bool ok = Json::sax_parse(text, &builder, Json::input_format_t::json, true, false);
  if (builder.too_deep()) {
    return Error{
        code, "the JSON is nested more than " + std::to_string(limits.max_depth) + " levels deep",
        path};
  }
  if (!ok) {
    std::string message = builder.detail().empty()
                              ? "the text is not valid JSON"
                              : "the text is not valid JSON: " + readable(builder.detail());
    return Error{code, message, path};
  }
  return result;
}

}  // namespace pdp
