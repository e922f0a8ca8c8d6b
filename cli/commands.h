// The subcommands of `openpick`, one file each (cli/cmd_<name>.cpp), dispatched by main.cpp.
// Each takes the arguments after its own name and returns the process exit code:
// 0 success, 1 invalid input or a failed check (with a message on stderr), 2 usage error.
#pragma once

namespace openpick::cli {

}  // namespace openpick::cli
