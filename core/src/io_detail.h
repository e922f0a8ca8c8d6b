// Internals shared by the io_*.cpp files (not installed, not part of the public API).
//
// [SECTION] Paths and diagnostics   JsonPath, DiagnosticSink (collects, caps, resolves positions)
// [SECTION] JSON values             JsonValue, JsonDocument: a whole document in one vector
// [SECTION] JSON parsing            parse_json_document: a strict fast parser; on anything it does
//                                   not accept, nlohmann's SAX parser for the exact diagnostics
// [SECTION] Field readers           typed getters that report wrong types and out-of-range values
// [SECTION] Enum names              one table per enum, used by JSON and CSV alike
// [SECTION] Shared checks           USPS codes, duplicate ids, empty dataset, program facts
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "openpick/core/diagnostics.h"
#include "openpick/core/io.h"
#include "openpick/core/profile.h"
#include "openpick/core/profile_rules.h"
#include "openpick/core/program.h"

namespace openpick::core::detail {

// ---- [SECTION] JSON values ----------------------------------------------------------------------

// One JSON value of a JsonDocument. A document keeps all its values in one vector in document
// order: a container is followed by its members (each a key, then the value) or elements, and
// knows how many slots its subtree spans, so values need no allocation of their own (a DOM of
// nlohmann values made one per string and member, and building and freeing it was most of the time
// of importing a large dataset). Strings point into the parsed text, or, when they held escapes,
// into the document's own store: a document must not outlive the text it was parsed from.
// Equal keys: most differ in length or first byte, which is checked before calling memcmp.
inline bool same_key(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a.compare(b) == 0));
}

class JsonValue {
 public:
  enum class Type : std::uint8_t { Null, Boolean, Integer, Unsigned, Float, String, Array, Object, Key };

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::Null; }
  bool is_boolean() const { return type_ == Type::Boolean; }
  bool is_string() const { return type_ == Type::String; }
  bool is_array() const { return type_ == Type::Array; }
  bool is_object() const { return type_ == Type::Object; }
  // As in nlohmann_json: a number without fraction or exponent is an integer, Unsigned when it has
  // no minus sign; 1.0 and 1e2 are floats.
  bool is_number() const { return type_ == Type::Integer || type_ == Type::Unsigned || type_ == Type::Float; }
  bool is_number_integer() const { return type_ == Type::Integer || type_ == Type::Unsigned; }
  bool is_number_unsigned() const { return type_ == Type::Unsigned; }
  bool is_number_float() const { return type_ == Type::Float; }

  bool boolean() const { return b_; }
  std::int64_t as_int64() const { return type_ == Type::Unsigned ? static_cast<std::int64_t>(u_) : i_; }
  std::uint64_t as_uint64() const { return type_ == Type::Unsigned ? u_ : static_cast<std::uint64_t>(i_); }
  double as_double() const {
    return type_ == Type::Float ? d_ : type_ == Type::Unsigned ? static_cast<double>(u_) : static_cast<double>(i_);
  }
  std::string_view string() const { return {s_, size_}; }
  // Members of an object, elements of an array.
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // An object's member (the first one with that key), or nullptr.
  const JsonValue* find(std::string_view key) const {
    for (const JsonValue* k = this + 1; k != this + span_; k = k + 1 + k[1].span_)
      if (same_key(k->string(), key)) return k + 1;
    return nullptr;
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  // As find, starting at `hint` (a key of this object, or nullptr) and wrapping around; `hint` then
  // points past the member found. Readers ask for members mostly in document order, so most
  // look-ups compare one key. Keys are unique in a document that parsed without errors.
  const JsonValue* find(std::string_view key, const JsonValue*& hint) const {
    const JsonValue* first = this + 1;
    const JsonValue* last = this + span_;
    const JsonValue* start = hint && hint > this && hint < last ? hint : first;
    for (int pass = 0; pass < 2; ++pass) {
      for (const JsonValue* k = pass == 0 ? start : first; k != (pass == 0 ? last : start); k = k + 1 + k[1].span_) {
        if (same_key(k->string(), key)) {
          hint = k + 1 + k[1].span_;
          return k + 1;
        }
      }
    }
    return nullptr;
  }

  // for (const JsonValue& e : array.elements())   for (const auto& [key, value] : object.members())
  class ElementIterator {
   public:
    explicit ElementIterator(const JsonValue* at) : at_(at) {}
    const JsonValue& operator*() const { return *at_; }
    ElementIterator& operator++() { at_ += at_->span_; return *this; }
    bool operator!=(const ElementIterator& o) const { return at_ != o.at_; }
   private:
    const JsonValue* at_;
  };
  struct Member {
    std::string_view key;
    const JsonValue& value;
  };
  class MemberIterator {
   public:
    explicit MemberIterator(const JsonValue* at) : at_(at) {}
    Member operator*() const { return {at_->string(), at_[1]}; }
    MemberIterator& operator++() { at_ += 1 + at_[1].span_; return *this; }
    bool operator!=(const MemberIterator& o) const { return at_ != o.at_; }
   private:
    const JsonValue* at_;
  };
  template <class It>
  struct Range {
    It b, e;
    It begin() const { return b; }
    It end() const { return e; }
  };
  Range<ElementIterator> elements() const { return {ElementIterator(this + 1), ElementIterator(this + span_)}; }
  Range<MemberIterator> members() const { return {MemberIterator(this + 1), MemberIterator(this + span_)}; }

  // The value as JSON text, for messages ("got 12.5"): numbers exactly as nlohmann_json writes them.
  std::string dump() const;

 private:
  friend class JsonDocumentBuilder;
  Type type_ = Type::Null;
  bool b_ = false;
  std::uint32_t size_ = 0;  // members, elements, or string bytes
  std::uint32_t span_ = 1;  // slots of this value's subtree, itself included
  union {
    std::int64_t i_ = 0;
    std::uint64_t u_;
    double d_;
    const char* s_;
  };
};

class JsonDocument {
 public:
  const JsonValue& root() const { return values_.front(); }
  bool empty() const { return values_.empty(); }

 private:
  friend class JsonDocumentBuilder;
  std::vector<JsonValue> values_;
  std::deque<std::string> strings_;  // decoded strings (a deque never moves its elements)
};

// ---- [SECTION] Paths and diagnostics ------------------------------------------------------------

struct PathSegment {
  std::string key;  // object member name; used when index < 0
  long index = -1;  // array element
};
using JsonPath = std::vector<PathSegment>;

JsonPath child(const JsonPath& parent, std::string key);
JsonPath child(const JsonPath& parent, long index);
// "programs[3].visa.j1"; "" for the root.
std::string path_to_string(const JsonPath& path);

// 1-based line and byte column of a byte offset. CRLF, LF and a lone CR each end a line; a UTF-8
// byte order mark at the start does not count as a column.
std::pair<int, int> line_column_at(std::string_view text, std::size_t offset);

// line_column_at for offsets that only grow (a reader going through a long text once): each call
// scans from where the previous one stopped. `peek` answers for any offset at or after the cursor
// without moving it.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text);
  void advance_to(std::size_t offset);
  std::pair<int, int> peek(std::size_t offset) const;

 private:
  std::string_view text_;
  std::size_t at_ = 0, line_start_ = 0;
  int line_ = 1;
};

// The byte offset of the value at `path` in well-formed JSON text (of its key when `at_key`), or
// nullopt when the path is not in the text. With duplicate keys the last one wins, as in the DOM.
std::optional<std::size_t> locate_json(std::string_view text, const JsonPath& path, bool at_key);

// Collects diagnostics up to the caps. JSON diagnostics carry a path and get their line and column
// from the text once, at the end (finish), so the happy path pays nothing for positions.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::string_view file_name) : file_(file_name) {}

  // A problem with the value at `where` (or its key); `field` defaults to the path's spelling.
  void error_at(const JsonPath& where, std::string message, bool at_key = false,
                std::string field = {});
  void warning_at(const JsonPath& where, std::string message, bool at_key = false,
                  std::string field = {});
  // A problem with a known position (CSV cells, JSON syntax errors).
  void error_pos(int line, int column, std::string field, std::string message);
  void warning_pos(int line, int column, std::string field, std::string message);
  void add(Diagnostic d);  // passes an already positioned diagnostic through the caps

  int errors() const { return errors_; }
  // True once the error cap is passed (the "too many errors" note is out): callers stop early (a 100k-row file full of
  // errors should not take long to reject).
  bool full() const { return errors_ > kMaxImportErrors; }
  const std::string& file() const { return file_; }

  // Resolves JSON paths against `json_text` (pass "" for CSV) and returns the list in the order
  // the problems were found.
  std::vector<Diagnostic> finish(std::string_view json_text);

  // For a reader that goes through a document one piece at a time: the diagnostics pushed since
  // `mark` (a pending_count()) whose paths start with the `prefix_length` segments naming the piece
  // get their position now, from the piece's text (which starts at `piece_offset` of the whole text
  // that `lines` walks), so finish() does not search the whole text for them.
  std::size_t pending_count() const { return pending_.size(); }
  void resolve_piece(std::size_t mark, std::size_t prefix_length, std::string_view piece,
                     std::size_t piece_offset, const LineCursor& lines);
  // Moves the diagnostics pushed since `mark` ahead of the others (a document's own fields are
  // reported before its list's, whatever order they were read in).
  void move_to_front(std::size_t mark);

 private:
  struct Pending {
    Diagnostic diagnostic;
    std::optional<JsonPath> where;  // resolved in finish()
    bool at_key = false;
  };
  bool admit(Severity severity);
  void push(Severity severity, std::optional<JsonPath> where, bool at_key, int line, int column,
            std::string field, std::string message);

  std::string file_;
  int errors_ = 0;
  int warnings_ = 0;
  std::vector<Pending> pending_;
};

// ---- [SECTION] JSON parsing ---------------------------------------------------------------------

// Parses `text` into `out` (which then refers to `text`). On malformed JSON, over-deep nesting,
// NaN/Infinity tokens, numbers too large for a double or duplicate keys it reports errors and
// returns false.
//
// Two parsers, one result. A strict parser of our own reads valid documents (the common case) in
// one pass with no allocation per value; it accepts a subset of what nlohmann_json accepts and
// gives the same values. On anything else it gives up and nlohmann's SAX parser runs over the text
// from the start, which produces the exact diagnostics (and the values, for the rare valid text the
// fast parser declines, such as a 20-digit integer).
bool parse_json_document(std::string_view text, JsonDocument& out, DiagnosticSink& sink);
// The careful path alone (tests compare the two parsers' documents with it).
bool parse_json_document_careful(std::string_view text, JsonDocument& out, DiagnosticSink& sink);

// A JSON object whose member `array_key` holds a long array, read one element at a time with the
// strict parser, so a large document is never held as one tree and a caller can spread the work
// over many steps. The root's other members (before and after the array) end up in root(), where
// the array itself appears empty. Anything the strict parser does not accept makes next() return
// Failed: the caller then parses the whole text with parse_json_document for the diagnostics.
//
//   JsonArrayStream s(text, "programs");
//   for (auto st = s.next(); st == JsonArrayStream::Element; st = s.next()) use(s.element(), s.index());
class FastJsonParser;
class JsonDocumentBuilder;

class JsonArrayStream {
 public:
  enum Status { Element, Done, Failed };
  JsonArrayStream(std::string_view text, std::string_view array_key);
  ~JsonArrayStream();
  JsonArrayStream(const JsonArrayStream&) = delete;
  JsonArrayStream& operator=(const JsonArrayStream&) = delete;

  Status next();
  const JsonValue& element() const;   // after Element: valid until the next call
  long index() const { return index_; }
  std::string_view element_text() const { return text_.substr(element_begin_, element_end_ - element_begin_); }
  std::size_t element_offset() const { return element_begin_; }
  std::size_t position() const;       // bytes read so far
  bool array_found() const { return array_found_; }  // the member was there and an array
  const JsonValue& root() const;      // after Done

 private:
  enum class Phase { Start, Member, InArray, AfterMember, Done, Failed };
  Status fail();
  Status members();  // reads root members up to the array's first element, or to the end

  std::string_view text_;
  std::string array_key_;
  JsonDocument root_doc_, element_doc_;
  std::unique_ptr<JsonDocumentBuilder> root_, element_;
  std::unique_ptr<FastJsonParser> parser_;
  Phase phase_ = Phase::Start;
  std::size_t root_at_ = 0, root_members_ = 0;
  long index_ = -1;
  std::size_t element_begin_ = 0, element_end_ = 0;
  bool array_found_ = false;
};

// The readers behind ProgramListImport and parse_dataset_json / parse_programs_csv: they step
// through text they do not own.
std::unique_ptr<ProgramListImport::Reader> make_dataset_json_reader(std::string_view text, std::string_view file_name);
std::unique_ptr<ProgramListImport::Reader> make_programs_csv_reader(std::string_view text, std::string_view file_name);
// The dataset read as one document (what the streaming reader falls back to), for tests that
// check the two readings agree.
ImportResult<Dataset> parse_dataset_json_whole(std::string_view text, std::string_view file_name);
// "more than 100,000 programs; ...": the message for a list over kMaxPrograms, JSON or CSV.
std::string too_many_programs_message();

// ---- [SECTION] Field readers --------------------------------------------------------------------

// How a field may be absent: Required fields must be present; Nullable ones may be null (unknown).
struct FieldRule {
  bool required = false;
  bool nullable = true;
};
inline constexpr FieldRule kRequired{true, false};
inline constexpr FieldRule kRequiredNullable{true, true};  // must be present, may be null
inline constexpr FieldRule kOptional{false, true};         // missing or null: unknown
inline constexpr FieldRule kOptionalNotNull{false, false};  // missing: default; null: error

// The members of one JSON object, read one field at a time. Each getter returns a value only when
// the field is present, of the right type and in range; otherwise it reports why (or, for a
// missing optional field or an allowed null, stays quiet) and returns nullopt.
class ObjectReader {
 public:
  ObjectReader(const JsonValue& object, JsonPath path, DiagnosticSink& sink)
      : object_(object), path_(std::move(path)), sink_(sink) {}

  const JsonPath& path() const { return path_; }
  DiagnosticSink& sink() { return sink_; }
  // The member, or nullptr when missing (reporting it when required) or null (reporting it when not
  // nullable). `expected()` gives the text for "expected X" and is called only to report.
  template <class Expected>
  const JsonValue* member(std::string_view key, FieldRule rule, const Expected& expected) {
    const JsonValue* v = object_.find(key, hint_);
    if (v && !v->is_null()) return v;
    if (v ? !rule.nullable : rule.required) report_absent(key, v != nullptr, expected());
    return nullptr;
  }

  std::optional<long long> integer(std::string_view key, FieldRule rule, long long lo, long long hi,
                                   std::string_view what);
  std::optional<double> number(std::string_view key, FieldRule rule, double lo, double hi,
                               std::string_view what);
  // A share 0..1; a value such as 45 gets the hint that 0.45 was probably meant.
  std::optional<double> share(std::string_view key, FieldRule rule, std::string_view what);
  std::optional<bool> boolean(std::string_view key, FieldRule rule);
  std::optional<std::string> string(std::string_view key, FieldRule rule, bool non_empty);
  template <class E>
  std::optional<E> enumeration(std::string_view key, FieldRule rule);

  // An object or array member, or nullptr (reporting a wrong type like the getters above).
  const JsonValue* object_member(std::string_view key, FieldRule rule, std::string_view what);
  const JsonValue* array_member(std::string_view key, FieldRule rule, std::string_view what);

  // Warns about every member not in `known`, suggesting the closest known name.
  void warn_unknown(std::initializer_list<std::string_view> known);

  void error(std::string_view key, std::string message) {
    sink_.error_at(child(path_, std::string(key)), std::move(message));
  }
  void warning(std::string_view key, std::string message) {
    sink_.warning_at(child(path_, std::string(key)), std::move(message));
  }

 private:
  void report_absent(std::string_view key, bool null, const std::string& expected);

  const JsonValue& object_;
  const JsonValue* hint_ = nullptr;  // where the next member look-up starts
  JsonPath path_;
  DiagnosticSink& sink_;
};

// Checks the root is an object and reads its schema_version: newer than `supported` is an error;
// missing is tolerated (assumed `supported`) with a warning. Returns false when the root is not an
// object (nothing more can be read).
bool check_root(const JsonValue& doc, DiagnosticSink& sink, int supported, std::string_view kind);

// Export helpers: doubles that are whole numbers are written as integers ("budget_usd": 1500),
// others in nlohmann's shortest round-trip form; unknown is null.
using OrderedJson = nlohmann::ordered_json;
OrderedJson json_number(double v);
template <class T>
OrderedJson json_optional(const std::optional<T>& v) {
  if (!v) return OrderedJson(nullptr);
  if constexpr (std::is_same_v<T, double>) return json_number(*v);
  else return OrderedJson(*v);
}
// Two-space indent, UTF-8 kept as is (invalid bytes replaced, so export never throws), newline.
std::string dump_document(const OrderedJson& doc);

// "got "abc"", "got an object", "got 12.5": what the user wrote, for "expected X, got Y".
// Long strings are cut (on a UTF-8 character boundary) so one message stays one line.
std::string describe_json(const JsonValue& value);

// Closest of `candidates` to `name` within a small edit distance, or "" when none is close.
std::string closest_name(std::string_view name, const std::vector<std::string_view>& candidates);
std::string join_names(const std::vector<std::string_view>& names);

// At most `max_bytes` of `s`, cut on a UTF-8 character boundary, "..." added when cut.
std::string excerpt(std::string_view s, std::size_t max_bytes = 40);

// Whether the bytes are UTF-16 text (a byte order mark, or a zero in every other byte), and what
// import says about such a file.
bool looks_like_utf16(std::string_view s);
extern const char* kUtf16Message;

// The first byte offset that is not well-formed UTF-8 (overlong forms, surrogates and code points
// above U+10FFFF included), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// ---- [SECTION] Enum names -----------------------------------------------------------------------

template <class E>
struct EnumName {
  E value;
  std::string_view name;
};
template <class E>
struct EnumTable;  // specialised below: static constexpr items[], and a noun for messages

template <>
struct EnumTable<GraduateType> {
  static constexpr EnumName<GraduateType> items[] = {{GraduateType::NonUsImg, "non_us_img"},
                                                     {GraduateType::UsImg, "us_img"},
                                                     {GraduateType::UsMd, "us_md"},
                                                     {GraduateType::UsDo, "us_do"}};
  static constexpr std::string_view noun = "graduate type";
};
template <>
struct EnumTable<VisaNeed> {
  static constexpr EnumName<VisaNeed> items[] = {{VisaNeed::None, "none"},
                                                 {VisaNeed::J1, "j1"},
                                                 {VisaNeed::H1b, "h1b"},
                                                 {VisaNeed::J1OrH1b, "j1_or_h1b"}};
  static constexpr std::string_view noun = "visa need";
};
template <>
struct EnumTable<ExamResult> {
  static constexpr EnumName<ExamResult> items[] = {{ExamResult::Pass, "pass"},
                                                   {ExamResult::Fail, "fail"},
                                                   {ExamResult::NotTaken, "not_taken"}};
  static constexpr std::string_view noun = "exam result";
};
template <>
struct EnumTable<TieKind> {
  static constexpr EnumName<TieKind> items[] = {
      {TieKind::Trained, "trained"}, {TieKind::Lived, "lived"}, {TieKind::Family, "family"}};
  static constexpr std::string_view noun = "kind of tie";
};
template <>
struct EnumTable<Track> {
  static constexpr EnumName<Track> items[] = {
      {Track::Categorical, "categorical"}, {Track::Preliminary, "preliminary"},
      {Track::Transitional, "transitional"}, {Track::Advanced, "advanced"},
      {Track::PrimaryCare, "primary_care"}, {Track::Physician, "physician"}};
  static constexpr std::string_view noun = "track";
};
template <>
struct EnumTable<Setting> {
  static constexpr EnumName<Setting> items[] = {{Setting::University, "university"},
                                                {Setting::UniversityAffiliated, "university_affiliated"},
                                                {Setting::Community, "community"}};
  static constexpr std::string_view noun = "setting";
};

template <>
struct EnumTable<ApplicationService> {
  static constexpr EnumName<ApplicationService> items[] = {{ApplicationService::Eras, "ERAS"},
                                                           {ApplicationService::ResidencyCas, "ResidencyCAS"}};
  static constexpr std::string_view noun = "application service";
};

template <class E>
std::optional<E> enum_from_name(std::string_view name) {
  for (const auto& item : EnumTable<E>::items)
    if (item.name == name) return item.value;
  return std::nullopt;
}

template <class E>
std::vector<std::string_view> enum_names() {
  std::vector<std::string_view> out;
  for (const auto& item : EnumTable<E>::items) out.push_back(item.name);
  return out;
}

template <class E>
std::string unknown_enum_message(std::string_view got) {
  std::string msg = "unknown " + std::string(EnumTable<E>::noun) + " \"" + std::string(got) +
                    "\"; expected one of " + join_names(enum_names<E>());
  const std::string guess = closest_name(got, enum_names<E>());
  if (!guess.empty()) msg += " (did you mean \"" + guess + "\"?)";
  return msg;
}

template <class E>
std::optional<E> ObjectReader::enumeration(std::string_view key, FieldRule rule) {
  const JsonValue* v = member(key, rule, [] { return "one of " + join_names(enum_names<E>()); });
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    error(key, "expected one of " + join_names(enum_names<E>()) + ", " + describe_json(*v));
    return std::nullopt;
  }
  const std::string_view s = v->string();
  if (auto e = enum_from_name<E>(s)) return e;
  error(key, unknown_enum_message<E>(s));
  return std::nullopt;
}

// ---- [SECTION] Shared checks --------------------------------------------------------------------

// Two-letter USPS codes of the states, DC and the territories that hold ACGME programs.
bool is_usps_code(std::string_view code);

// The program facts a FactSource.field may name ("visa.h1b", "cutoffs.step2ck_min", ...).
const std::vector<std::string_view>& program_fact_fields();

// Range checks and warnings shared by the JSON and CSV program readers, on values already read.
inline constexpr int kMaxPositions = 500;
// Scores, attempts and years share the profile's rules (profile_rules.h), so a program's cutoff
// and an applicant's score are read against the same range.
inline constexpr int kMinScore = kStepScoreRange.min;
inline constexpr int kMaxScore = kStepScoreRange.max;
inline constexpr int kSuspiciousScore = kSuspiciousStepScore;
inline constexpr int kMaxAttempts = kAttemptsRange.max;
inline constexpr int kMinYear = kYearRange.min;
inline constexpr int kMaxYear = kYearRange.max;
inline constexpr int kMaxYearsSinceGraduation = 60;

// A share written as a percentage (1 < x <= 100) where 0..1 was expected: the hint to add.
std::string share_hint(double value);

}  // namespace openpick::core::detail
