#include "cli/cli.h"
#include "core/error.h"

int lf_cmd_fleet(int argc, char **argv, GError **error)
{
  g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED, "'fleet' is not built yet");
  return LF_EXIT_FAILURE;
}
