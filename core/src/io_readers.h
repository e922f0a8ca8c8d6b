// The readers and writers of one profile and one program, shared by the documents that hold them
// (a profile file, a dataset, a workspace). Internal, like io_detail.h; kept apart from it so the
// workspace (workspace*.cpp) reads profiles and programs with the very code the files use.
//
//   Profile p = read_profile(object, child({}, "profile"), sink);   // problems at "profile.visa"...
//   Program q = read_program(object, path, sink, ProgramFields::Partial);  // a research entry
#pragma once

#include "io_detail.h"

namespace openpick::core::detail {

// io_profile.cpp. The profile object at `path` (empty for a profile file's root). Does not check
// its schema_version (the caller does, for the document it reads).
Profile read_profile(const JsonValue& object, const JsonPath& path, DiagnosticSink& sink);
OrderedJson profile_to_ordered_json(const Profile& profile);

// io_dataset.cpp. Full: a dataset's program (id, name, specialty and state required, sources in
// the dataset's form). Partial: the facts of a research entry, none required, no id, no sources.
enum class ProgramFields { Full, Partial };
Program read_program(const JsonValue& item, JsonPath path, DiagnosticSink& sink,
                     ProgramFields fields = ProgramFields::Full);
// Every field, as dataset_to_json writes it.
OrderedJson program_to_ordered_json(const Program& program);

}  // namespace openpick::core::detail
