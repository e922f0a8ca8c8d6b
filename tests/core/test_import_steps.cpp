// Reading a program list in steps (ProgramListImport) and planning in steps (PlanWork), as the
// browser does between frames: the result must not depend on the step size, and must be what the
// one-call functions give; the streaming JSON reader must agree with reading the whole document;
// a list over kMaxPrograms is refused with a message that says what to do.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../../core/src/io_detail.h"
#include "io_generators.h"
#include "openpick/core/advice.h"
#include "openpick/core/io.h"
#include "openpick/core/planner.h"

namespace fs = std::filesystem;
using namespace openpick::core;

namespace {

using openpick::testing::read_file;

// The value (as its export) and every diagnostic, as one text to compare.
std::string describe(const ImportResult<Dataset>& r) {
  std::string out = r.ok() ? dataset_to_json(*r.value) : std::string("no value\n");
  for (const auto& d : r.diagnostics) out += format_diagnostic(d) + "\n";
  return out;
}

ImportResult<Dataset> in_steps(const std::string& text, const std::string& name, DocumentKind kind, std::size_t step,
                               std::vector<double>* progress = nullptr) {
  ProgramListImport job(text, name, kind);
  while (!job.step(step))
    if (progress) progress->push_back(job.progress());
  if (progress) progress->push_back(job.progress());
  return job.take_result();
}

std::vector<fs::path> data_files(const char* prefix, const char* extension) {
  std::vector<fs::path> out;
  for (const char* dir : {"bad", "good"})
    for (const auto& e : fs::directory_iterator(openpick::testing::data_path(dir))) {
      const std::string name = e.path().filename().string();
      if (name.rfind(prefix, 0) == 0 && e.path().extension() == extension) out.push_back(e.path());
    }
  EXPECT_GT(out.size(), 5u) << prefix;
  return out;
}

TEST(ImportInSteps, EveryDatasetFileReadsTheSameStreamedWholeAndInSteps) {
  for (const fs::path& path : data_files("dataset_", ".json")) {
    const std::string text = read_file(path), name = path.filename().string();
    const std::string once = describe(parse_dataset_json(text, name));
    EXPECT_EQ(describe(detail::parse_dataset_json_whole(text, name)), once) << name;
    for (std::size_t step : {1, 2, 7})
      EXPECT_EQ(describe(in_steps(text, name, DocumentKind::Dataset, step)), once) << name << " step " << step;
  }
}

TEST(ImportInSteps, EveryCsvFileReadsTheSameInSteps) {
  for (const fs::path& path : data_files("programs_", ".csv")) {
    const std::string text = read_file(path), name = path.filename().string();
    const std::string once = describe(parse_programs_csv(text, name));
    for (std::size_t step : {1, 3})
      EXPECT_EQ(describe(in_steps(text, name, DocumentKind::ProgramsCsv, step)), once) << name << " step " << step;
  }
}

TEST(ImportInSteps, RandomDatasetsWithErrorsAgreeAndProgressOnlyGrows) {
  openpick::testing::Draw draw(20261126);
  for (int round = 0; round < 20; ++round) {
    Dataset d = openpick::testing::random_dataset(draw, 1 + round * 13, true);
    std::string json = dataset_to_json(d);
    // Break a field in some rounds, so the diagnostics (and their positions) are compared too.
    if (round % 3 == 1) {
      const auto at = json.rfind("\"positions\": ");
      if (at != std::string::npos) json.replace(at, 13, "\"positions\": \"many\", \"postions\": ");
    }
    const std::string once = describe(parse_dataset_json(json, "r.json"));
    EXPECT_EQ(describe(detail::parse_dataset_json_whole(json, "r.json")), once) << round;
    std::vector<double> progress;
    EXPECT_EQ(describe(in_steps(json, "r.json", DocumentKind::Dataset, 5, &progress)), once) << round;
    for (std::size_t i = 1; i < progress.size(); ++i) EXPECT_LE(progress[i - 1], progress[i]) << round;
    EXPECT_EQ(progress.back(), 1.0);

    const std::string csv = programs_to_csv(d.programs);
    EXPECT_EQ(describe(in_steps(csv, "r.csv", DocumentKind::ProgramsCsv, 4)),
              describe(parse_programs_csv(csv, "r.csv")));
  }
}

TEST(ImportInSteps, AListOverTheLimitIsRefusedWithWhatToDo) {
  std::string csv = "id,name,specialty,state\n";
  for (std::size_t i = 0; i <= kMaxPrograms; ++i) csv += "P" + std::to_string(i) + ",Program,Internal Medicine,MS\n";
  const auto r = parse_programs_csv(csv, "long.csv");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].line, static_cast<int>(kMaxPrograms) + 2) << "the first row over the limit";
  EXPECT_NE(r.diagnostics[0].message.find("more than 100,000 programs"), std::string::npos);
  EXPECT_NE(r.diagnostics[0].message.find("split the file"), std::string::npos);

  // Exactly the limit is fine.
  csv.erase(csv.rfind("P100000,"));
  EXPECT_TRUE(parse_programs_csv(csv, "long.csv").ok());

  std::string json = R"({"schema_version": 1, "name": "long", "programs": [)";
  for (std::size_t i = 0; i <= kMaxPrograms; ++i)
    json += std::string(i ? "," : "") + "\n" + R"({"id": "P)" + std::to_string(i) +
            R"(", "name": "Program", "specialty": "Internal Medicine", "state": "MS"})";
  json += "]}";
  const auto j = parse_dataset_json(json, "long.json");
  ASSERT_FALSE(j.ok());
  ASSERT_EQ(j.diagnostics.size(), 1u);
  EXPECT_EQ(j.diagnostics[0].line, static_cast<int>(kMaxPrograms) + 2);
  EXPECT_EQ(j.diagnostics[0].field, "programs[100000]");
  EXPECT_NE(j.diagnostics[0].message.find("more than 100,000 programs"), std::string::npos);
}

TEST(ImportInSteps, MembersAfterTheProgramsAndEmptyListsAreRead) {
  const auto r = parse_dataset_json(
      R"({"programs": [{"id": "A", "name": "A", "specialty": "Internal Medicine", "state": "MS"}], "name": "late", "schema_version": 1})",
      "late.json");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value->name, "late");
  const auto empty = parse_dataset_json(R"({"schema_version": 1, "name": "e", "programs": []})", "e.json");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.diagnostics[0].message.find("holds no programs"), std::string::npos);
}

// A non-US IMG matching in 2027.
Profile img_profile(VisaNeed visa, int step2ck, int graduation_year) {
  Profile p;
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = visa;
  p.step2ck.score = step2ck;
  p.graduation_year = graduation_year;
  p.match_year = 2027;
  return p;
}

TEST(PlanInSteps, StepsGiveMakePlansPlanAndProgressReachesOne) {
  openpick::testing::Draw draw(7);
  const Dataset d = openpick::testing::random_dataset(draw, 400, false);
  const Profile p = img_profile(VisaNeed::J1, 226, 2018);
  Model model;
  PlanOptions options;
  const Plan once = make_plan(p, d, options, model);
  PlanWork work(p, d, options, model);
  int steps = 0;
  double last = 0.0;
  while (!work.step()) {
    ++steps;
    EXPECT_GT(work.progress(), last);
    last = work.progress();
  }
  EXPECT_GE(steps, 2) << "the plan and at least two what-ifs, each its own step";
  EXPECT_EQ(work.progress(), 1.0);
  const Plan stepped = work.take();
  EXPECT_EQ(plan_to_json(stepped, d, {}), plan_to_json(once, d, {}));
}

// plan_to_json writes the long "excluded" list itself: its bytes must be nlohmann_json's layout,
// so parsing and dumping again with nlohmann gives the same text.
TEST(PlanJson, ExcludedListIsWrittenInTheDocumentsOwnLayout) {
  openpick::testing::Draw draw(11);
  const Dataset d = openpick::testing::random_dataset(draw, 300, false);
  const Profile p = img_profile(VisaNeed::H1b, 214, 2012);
  Plan plan = make_plan(p, d, PlanOptions{}, Model{});
  plan.excluded.push_back({0, "quote\" back\\ slash", "tab\there, newline\n, bell\x07, del\x7f, é 漢 🙂"});
  plan.excluded.push_back({1, "", "\x01\x1f/"});
  for (const auto& excluded : {plan.excluded, std::vector<ExcludedProgram>{}}) {
    Plan q = plan;
    q.excluded = excluded;
    const std::string text = plan_to_json(q, d, {});
    EXPECT_EQ(nlohmann::ordered_json::parse(text).dump(2) + "\n", text);
    EXPECT_EQ(nlohmann::ordered_json::parse(text)["excluded"].size(), excluded.size());
  }
  ASSERT_GT(plan.excluded.size(), 2u) << "the profile leaves programs out of reach";
}

}  // namespace
