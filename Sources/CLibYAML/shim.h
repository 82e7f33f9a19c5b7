// The system libyaml (Debian and Ubuntu: libyaml-dev; macOS: brew install libyaml).
#include <yaml.h>
