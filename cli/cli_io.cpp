#include "cli_io.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace openpick::cli {

bool read_whole_file(const std::string& path, std::string& out, std::string& why) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = errno ? std::strerror(errno) : "cannot open";
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) {
    why = "read failed (is it a folder?)";
    return false;
  }
  out = s.str();
  return true;
}

}  // namespace openpick::cli
