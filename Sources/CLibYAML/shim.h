// The system libyaml (Debian and Ubuntu: libyaml-dev; macOS: brew install libyaml).
#if __has_include(<yaml.h>)
#include <yaml.h>
#else
// Where a machine lacks it, each file that imports it says what to install, not just "'yaml.h' file not found".
#error "processlint needs the system libyaml: sudo apt-get install libyaml-dev (Debian, Ubuntu) or brew install libyaml (macOS)"
#endif
