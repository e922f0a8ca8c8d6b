// The applicant's private workspace: everything that is their own, in one document.
//
//   profile          their profile (profile.h)
//   research         per program id, facts that override the loaded list's, each with its sources
//   added_programs   programs they added by hand (full programs, as a dataset holds them)
//   hidden           program ids they took out of the list
//   tracker          per program id, the season: status, rank, dates, notes, the seed's checklist
//
// A loaded list (the sample, a file, a host's data) can change under the workspace: entries for a
// program that is no longer there are kept, and apply_workspace says which they are. The JSON form
// is docs/DATA.md, "Your workspace", and assets/schema/workspace.schema.json.
//
//   auto w = parse_workspace_json(text, "mine.json");         // all or nothing, FILE:LINE:COL
//   AppliedWorkspace a = apply_workspace(dataset, *w.value);  // the programs to plan over
//   Plan plan = make_plan(*w.value->profile, a.dataset, options, model);
//   RankListOrder r = rank_list_order(*w.value, a.dataset.programs);  // after interviews
//   MergeResult m = merge_research(mine, theirs);              // a classmate's research in
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "openpick/core/diagnostics.h"
#include "openpick/core/profile.h"
#include "openpick/core/program.h"
#include "openpick/core/season.h"  // CalendarDate

namespace openpick::core {

inline constexpr int kWorkspaceSchemaVersion = 1;
inline constexpr std::string_view kWorkspaceKind = "openpick-workspace";

// The program facts a research entry may set, as paths, in the order they are written. A cutoff
// carries its strictness with it ("cutoffs.step2ck_min" sets the value and whether it is strict).
const std::vector<std::string_view>& research_fact_fields();

// The fact `field` (a research_fact_fields() path; a cutoff with its strictness) copied from one
// program to another; false for a path that is not a research fact. The page's research form
// writes an edited fact with it, so the form and the importer agree on what a fact is.
bool copy_research_fact(const Program& from, Program& to, std::string_view field);
// Whether two programs hold the same fact (compared as a dataset writes it: unknown is null, a
// flexible cutoff is {"value", "strict": false}).
bool same_research_fact(const Program& a, const Program& b, std::string_view field);
// The fact as a dataset writes it, for a person to read: "true", "0.6", "null", ...
std::string research_fact_text(const Program& program, std::string_view field);

// Where one fact came from. `what` names the fact (a path of research_fact_fields()), or a group
// of them: "visa" (both visa facts), "cutoffs" (every cutoff), "*" (every fact of the entry).
struct ResearchSource {
  std::string what;
  std::string url;   // "" when not given
  std::string date;  // "YYYY-MM-DD": when the applicant (or `by`) found it
  std::string by;    // who found it; "" when not given (the applicant)
  bool operator==(const ResearchSource& o) const {
    return what == o.what && url == o.url && date == o.date && by == o.by;
  }
};

// Whether a source about `what` speaks for the fact `field` ("visa" for "visa.j1", "*" for all).
bool source_covers(std::string_view what, std::string_view field);

struct Research {
  Program facts;                    // only the fields named in `fields` mean anything
  std::vector<std::string> fields;  // the facts set, in research_fact_fields() order
  std::vector<ResearchSource> sources;
  bool sets(std::string_view field) const;
};

// The newest date of the sources that cover `field` ("" when none does: the fact is undated).
std::string fact_date(const Research& research, std::string_view field);

enum class TrackerStatus { Considering, Applied, Invited, Interviewed, Ranked, Withdrawn, Rejected };
std::string_view to_string(TrackerStatus status);  // "considering", ...

// The seed brief's steps for one program ("Networking", "Post-Interview Communication").
struct Checklist {
  bool email_coordinator = false;  // emailed the coordinator or director
  bool open_house = false;         // attended a (virtual) open house
  bool thank_you_sent = false;     // thank-you note after the interview
  bool top_choice_letter = false;  // "you are my top choice": to one program only, and only if true
};

inline constexpr int kMaxRank = 1000;

struct TrackerEntry {
  TrackerStatus status = TrackerStatus::Considering;
  std::optional<int> rank;  // 1 = first choice; only when interviewed or ranked
  // What happened when, in the order written: {"applied", "2026-09-25"}, {"interview", ...}.
  std::vector<std::pair<std::string, std::string>> dates;
  std::string notes;
  std::optional<Checklist> checklist;
};

struct Workspace {
  int schema_version = kWorkspaceSchemaVersion;
  std::optional<Profile> profile;            // a research-only file (an adviser's) may have none
  std::map<std::string, Research> research;  // by program id
  std::vector<Program> added_programs;
  std::vector<std::string> hidden;              // program ids
  std::map<std::string, TrackerEntry> tracker;  // by program id
};

// "2026-09-25": a real calendar day, year within the profile's year range; nothing otherwise.
std::optional<CalendarDate> read_calendar_date(std::string_view text);

// The tracker's own rules, for the importer and the page alike: each rank once, a rank only on a
// program interviewed or ranked, one top-choice letter. `field` is the entry's field at fault
// ("rank", "checklist.top_choice_letter"); the entry checked later in id order is the one named.
struct TrackerProblem {
  std::string id;
  std::string field;
  std::string message;
};
std::vector<TrackerProblem> check_tracker(const std::map<std::string, TrackerEntry>& tracker);
// Why `id` may not have a top-choice letter ("" when it may): another program already has it.
std::string top_choice_letter_refusal(const std::map<std::string, TrackerEntry>& tracker, std::string_view id);

// Import is all or nothing, as for the other documents (io.h): a newer schema_version, another
// `kind`, a bad date, a second top-choice letter, ... are errors naming FILE:LINE:COL and field.
ImportResult<Workspace> parse_workspace_json(std::string_view text, std::string_view file_name);
// Deterministic (ids in order, fields in research_fact_fields() order); export, import, export
// gives identical bytes.
std::string workspace_to_json(const Workspace& workspace);
// Whether the text is a workspace document (its top-level "kind" is "openpick-workspace"), for
// `openpick validate` and the page's file picker.
bool is_workspace_json(std::string_view text);

// Which facts of one planned program are the applicant's, and where they found them.
struct OwnFacts {
  bool added = false;               // the whole program is theirs (added_programs)
  std::vector<std::string> fields;  // facts their research set (research_fact_fields() paths)
  std::vector<ResearchSource> sources;
};

struct AppliedWorkspace {
  Dataset dataset;                 // the loaded list's name and provenance, the programs to plan over
  std::vector<OwnFacts> own;       // own[i] is for dataset.programs[i]
  std::vector<std::string> notes;  // entries whose program is not in the list, id clashes, ...
};

// The list to plan over: the loaded programs; an added program replaces a loaded one with its id
// (a note says so) or is appended; then each research entry overlays its facts by id (the list's
// sources for those facts give way to the applicant's); hidden ids are taken out. Research, hidden
// and tracker entries whose id is not in the list are kept in the workspace and named in a note.
AppliedWorkspace apply_workspace(const Dataset& dataset, const Workspace& workspace);

// After interviews: the tracker's programs with status interviewed or ranked that are in
// `programs`, by rank (indexes into `programs`); those without a rank follow in list order, and a
// note says so; those not in `programs` are left off, with a note.
struct RankListOrder {
  std::vector<std::size_t> order;
  std::vector<std::string> notes;
};
RankListOrder rank_list_order(const Workspace& workspace, const std::vector<Program>& programs);

// Another workspace's research (a classmate's, an adviser's) merged into the applicant's own.
// Per fact: one they lack is added; when both set it and the values differ, theirs replaces the
// applicant's only when both are dated and theirs is newer; otherwise the applicant's stays. Both
// sides' sources stay listed (a source of theirs only for values that lost is named in the report
// instead). Their added programs the applicant lacks are added; theirs with an id the applicant
// has are not (reported when they differ). Their profile, hidden ids and tracker are not merged.
// Every change, and every disagreement kept, is a line of the report.
struct MergeResult {
  Workspace merged;
  std::vector<std::string> report;
};
MergeResult merge_research(const Workspace& mine, const Workspace& theirs);

}  // namespace openpick::core
