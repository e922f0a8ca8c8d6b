// "Research these next": the programs on or near the plan whose unknown facts would change the
// plan most if the applicant looked them up.
//
// For each program and each fact it does not state that matters to this applicant (the visa policy
// the applicant needs; its IMG share, for an IMG), the gain is the value of information: the
// expected P(match) of the list the applicant would keep once the fact is known, minus that of the
// list they keep not knowing it. Once known, the applicant keeps a program on the list or swaps it
// for the best program off it (a program that does not sponsor their visa is swapped out; a program
// off the list that turns out friendlier is swapped in for the list's weakest), so the list keeps
// its length. What a fact may turn out to be (docs/PLANNER.md, "Research these next"):
//   - the visa policy: accepts the needed visa with the published share of its specialty's
//     programs (IM: J-1 63.7%, H-1B about 22%, JGME 2022; calibration targets), then the
//     unknown-policy term goes; otherwise the program cannot take the applicant;
//   - the IMG share: half the specialty's typical non-US share or one and a half times it, with
//     equal chances (ASSUMPTION), in place of the unknown-share term.
// P(match) here counts the list's programs that complete a residency; one-year positions are
// neither researched nor counted (a simplification of the plan's track rule).
//
//   std::vector<ResearchItem> next = research_next(profile, dataset, plan, options, model);
//   next[0].id, next[0].fields ("visa.j1", "img_share"), next[0].gain (P(match) points / 100)
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "openpick/core/model.h"
#include "openpick/core/profile.h"
#include "openpick/core/program.h"

namespace openpick::core {

struct Plan;
struct PlanOptions;

struct ResearchItem {
  std::size_t index = 0;  // into dataset.programs
  std::string id;
  bool on_list = false;             // on the plan now (else a program near it)
  std::vector<std::string> fields;  // program field paths: "visa.j1", "visa.h1b", "img_share"
  double gain = 0.0;                // expected gain in P(match) from learning them all
  std::vector<std::string> how;     // where to look each one up, in words, one per field
};

inline constexpr std::size_t kResearchShown = 10;  // items kept, largest gain first
inline constexpr double kResearchFloor = 1e-3;     // under 0.1 point: not worth a look

std::vector<ResearchItem> research_next(const Profile& profile, const Dataset& dataset, const Plan& plan,
                                        const PlanOptions& options, const Model& model);

}  // namespace openpick::core
