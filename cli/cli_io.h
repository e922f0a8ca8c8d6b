// Reading the files named on the command line (core never touches the file system).
#pragma once

#include <string>

namespace openpick::cli {

// The whole file as bytes; false with `why` ("No such file or directory", ...) when it cannot be read.
bool read_whole_file(const std::string& path, std::string& out, std::string& why);

}  // namespace openpick::cli
