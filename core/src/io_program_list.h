// The readers behind ProgramListImport (io.h), one per form of a program list. Private to core.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "openpick/core/io.h"

namespace openpick::core::detail {

// The readers behind ProgramListImport and parse_dataset_json / parse_programs_csv: they step
// through text they do not own.
std::unique_ptr<ProgramListImport::Reader> make_dataset_json_reader(std::string_view text, std::string_view file_name);
std::unique_ptr<ProgramListImport::Reader> make_programs_csv_reader(std::string_view text, std::string_view file_name);
// The dataset read as one document (what the streaming reader falls back to), for tests that
// check the two readings agree.
ImportResult<Dataset> parse_dataset_json_whole(std::string_view text, std::string_view file_name);
// "more than 100,000 programs; ...": the message for a list over kMaxPrograms, JSON or CSV.
std::string too_many_programs_message();

}  // namespace openpick::core::detail
