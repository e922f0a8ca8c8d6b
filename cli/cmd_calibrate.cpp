// openpick calibrate [--targets T.json] [--rounds N] [--write F.json]: re-fits the model's fitted
// constants to the published figures (assets/model/targets.json by default, the copy compiled into
// core) and prints the fitted document (the form of assets/model/fitted.json), or writes it to F.
// `make refit` runs it and writes assets/model/fitted.json; the next build compiles it in.
#include <cstdio>
#include <string>
#include <vector>

#include "cli_io.h"
#include "commands.h"
#include "openpick/core/calibration.h"

namespace openpick::cli {

namespace {

constexpr const char* kUsage =
    "usage: openpick calibrate [--targets T.json] [--rounds N] [--write F.json]\n"
    "\n"
    "Re-fits the model's fitted constants (per specialty: interview intercept, Step 2 CK slope,\n"
    "P(match | interview); US MD and DO) to the published figures in T.json (default: the targets\n"
    "compiled in, assets/model/targets.json). Prints the fitted document, or writes it to F.json.\n"
    "Progress goes to stderr. Takes a few minutes.\n";

int usage_error(const std::string& what) { return cli::usage_error("calibrate", kUsage, what); }

}  // namespace

int cmd_calibrate(int argc, char** argv) {
  std::string targets_path, write_path;
  int rounds = 2;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--targets" || a == "--write" || a == "--rounds") {
      if (i + 1 >= argc) return usage_error(a + " needs a value");
      const std::string v = argv[++i];
      if (a == "--targets") targets_path = v;
      if (a == "--write") write_path = v;
      if (a == "--rounds") {
        try {
          rounds = std::stoi(v);
        } catch (...) {
          return usage_error("--rounds needs a whole number");
        }
        if (rounds < 1 || rounds > 10) return usage_error("--rounds must be between 1 and 10");
      }
    } else {
      return usage_error("unknown argument '" + a + "'");
    }
  }
  core::CalibrationTargets targets = core::calibration_targets();
  if (!targets_path.empty()) {
    std::string text, error, why;
    if (!read_whole_file(targets_path, text, why)) {
      std::fprintf(stderr, "%s: error: %s\n", targets_path.c_str(), why.c_str());
      return 1;
    }
    std::optional<core::CalibrationTargets> parsed = core::parse_calibration_targets(text, error);
    if (!parsed) {
      std::fprintf(stderr, "%s: error: %s\n", targets_path.c_str(), error.c_str());
      return 1;
    }
    targets = std::move(*parsed);
  }
  // Start from the current constants; a specialty new to the targets starts from the defaults.
  core::ModelParams start = core::default_model_params();
  std::vector<core::SpecialtyParams> specialties;
  for (const auto& ref : targets.specialties) {
    core::SpecialtyParams s;
    for (const auto& old : start.specialties)
      if (old.name == ref.name) s = old;
    s.name = ref.name;
    s.score_reference = ref.match_rate * ref.matched_mean + (1.0 - ref.match_rate) * ref.unmatched_mean;
    s.typical_img_share = ref.nonus_img_share;
    specialties.push_back(s);
  }
  start.specialties = specialties;
  const core::ModelParams fitted = core::refit_model(targets, start, rounds, [](const std::string& line) {
    std::fprintf(stderr, "%s\n", line.c_str());
    std::fflush(stderr);
  });
  const std::string doc = core::fitted_params_to_json(fitted);
  if (write_path.empty()) {
    std::fputs(doc.c_str(), stdout);
    return 0;
  }
  std::FILE* f = std::fopen(write_path.c_str(), "wb");
  if (f == nullptr || std::fwrite(doc.data(), 1, doc.size(), f) != doc.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "%s: error: cannot write\n", write_path.c_str());
    return 1;
  }
  return 0;
}

}  // namespace openpick::cli
