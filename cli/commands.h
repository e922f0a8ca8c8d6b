// The subcommands of `openpick`, one file each (cli/cmd_<name>.cpp), dispatched by main.cpp.
// Each takes the arguments after its own name and returns the process exit code:
// 0 success, 1 invalid input or a failed check (with a message on stderr), 2 usage error.
#pragma once

namespace openpick::cli {

// openpick plan --profile P.json --programs D.json: the application plan (cmd_plan.cpp).
int cmd_plan(int argc, char** argv);

// openpick ranklist --profile P --programs D ID...: P(match) after interviews (cmd_ranklist.cpp).
int cmd_ranklist(int argc, char** argv);

// openpick portfolio M.json: optimal list for explicit, independent chances (cmd_portfolio.cpp).
int cmd_portfolio(int argc, char** argv);

// openpick validate FILE...: checks profiles, datasets and program CSVs (cmd_validate.cpp).
int cmd_validate(int argc, char** argv);

// openpick workspace merge A.json B.json: B's research merged into A's (cmd_workspace.cpp).
int cmd_workspace(int argc, char** argv);

// openpick calibrate [--targets T.json]: re-fits the model's constants (cmd_calibrate.cpp).
int cmd_calibrate(int argc, char** argv);

}  // namespace openpick::cli
