// JsonArrayStream (json_parse.h): one element of a long array at a time, with the fast parser.
#include <memory>

#include "json_fast_parser.h"
#include "json_parse.h"

namespace openpick::core::detail {

// ---- JsonArrayStream ----
// Depths as in FastJsonParser::run: the root object is level 1, the array level 2, an element's
// own object level 3.

JsonArrayStream::JsonArrayStream(std::string_view text, std::string_view array_key)
    : text_(text),
      array_key_(array_key),
      root_(std::make_unique<JsonDocumentBuilder>(root_doc_)),
      element_(std::make_unique<JsonDocumentBuilder>(element_doc_)),
      parser_(std::make_unique<FastJsonParser>(text, *root_)) {}

JsonArrayStream::~JsonArrayStream() = default;

const JsonValue& JsonArrayStream::element() const { return element_doc_.root(); }
const JsonValue& JsonArrayStream::root() const { return root_doc_.root(); }
std::size_t JsonArrayStream::position() const { return parser_->position(); }

JsonArrayStream::Status JsonArrayStream::fail() {
  phase_ = Phase::Failed;
  return Failed;
}

JsonArrayStream::Status JsonArrayStream::next() {
  FastJsonParser& in = *parser_;
  switch (phase_) {
    case Phase::Done: return Done;
    case Phase::Failed: return Failed;
    case Phase::Start:
      in.skip_bom();
      in.skip_blanks();
      if (!in.peek('{')) return fail();
      in.take('{');
      root_at_ = root_->open(JsonValue::Type::Object);
      in.skip_blanks();
      if (in.take('}')) {
        root_->close(root_at_, 0);
        in.skip_blanks();
        if (!in.at_end()) return fail();
        phase_ = Phase::Done;
        return Done;
      }
      phase_ = Phase::Member;
      return members();
    case Phase::Member:
    case Phase::AfterMember: return members();
    case Phase::InArray: {
      // One element, then the comma or the closing bracket after it.
      element_->reset();
      in.set_output(*element_);
      element_begin_ = in.position();
      if (!in.parse_value(2)) return fail();
      element_end_ = in.position();
      in.set_output(*root_);
      ++index_;
      in.skip_blanks();
      if (in.take(',')) {
        in.skip_blanks();
        if (in.peek(']')) return fail();  // a trailing comma
      } else if (in.take(']')) {
        phase_ = Phase::AfterMember;
      } else {
        return fail();
      }
      return Element;
    }
  }
  return fail();
}

JsonArrayStream::Status JsonArrayStream::members() {
  FastJsonParser& in = *parser_;
  for (;;) {
    if (phase_ == Phase::AfterMember) {
      ++root_members_;
      in.skip_blanks();
      if (in.take(',')) {
        in.skip_blanks();
        phase_ = Phase::Member;
      } else if (in.take('}')) {
        root_->close(root_at_, root_members_);
        in.skip_blanks();
        if (!in.at_end()) return fail();
        phase_ = Phase::Done;
        return Done;
      } else {
        return fail();
      }
    }
    // Phase::Member: a key, a colon, a value.
    const std::size_t key_at = root_->size();
    if (!in.parse_key()) return fail();
    const std::string_view key = root_->at(key_at).string();
    if (root_->has_key(root_at_, key, key_at)) return fail();
    in.skip_blanks();
    if (!in.take(':')) return fail();
    in.skip_blanks();
    if (same_key(key, array_key_) && in.peek('[')) {
      // The array: an empty one in the root, its elements one by one.
      root_->close(root_->open(JsonValue::Type::Array), 0);
      array_found_ = true;
      in.take('[');
      in.skip_blanks();
      if (in.take(']')) {
        phase_ = Phase::AfterMember;
        continue;
      }
      phase_ = Phase::InArray;
      return next();
    }
    if (!in.parse_value(1)) return fail();
    phase_ = Phase::AfterMember;
  }
}

}  // namespace openpick::core::detail
