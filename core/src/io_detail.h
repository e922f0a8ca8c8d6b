// Internals shared by the io_*.cpp files (not installed, not part of the public API): an umbrella
// over the small private headers, for a reader that wants them all. New code may include just the
// ones it uses.
//
//   json/json_value.h     JsonValue, JsonDocument: a whole JSON document in one vector
//   json/json_path.h      JsonPath, line and column of an offset, locate_json (the light scan)
//   json/json_parse.h     parse_json_document (fast parser, then nlohmann's SAX for diagnostics),
//                         JsonArrayStream (one element of a long array at a time)
//   io_diagnostics.h      DiagnosticSink: collects, caps, resolves positions
//   io_fields.h           ObjectReader (typed getters that report), check_root, export helpers
//   io_text.h             closest_name, join_names, excerpt, UTF-16 and invalid UTF-8 detection
//   io_enum_names.h       one name table per enum, used by JSON and CSV alike
//   io_program_checks.h   USPS codes, program fact fields, a program's ranges, the share hint
//   io_program_list.h     the program list readers behind ProgramListImport
// (io_readers.h, one profile and one program read and written, includes this header.)
#pragma once

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "io_diagnostics.h"
#include "io_enum_names.h"
#include "io_fields.h"
#include "io_program_checks.h"
#include "io_program_list.h"
#include "io_text.h"
#include "json/json_parse.h"
#include "json/json_path.h"
#include "json/json_value.h"
#include "openpick/core/diagnostics.h"
#include "openpick/core/io.h"
#include "openpick/core/profile.h"
#include "openpick/core/profile_rules.h"
#include "openpick/core/program.h"
