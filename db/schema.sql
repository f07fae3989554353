-- SPDX-License-Identifier: GPL-2.0-or-later
-- lapfit distribution requirements database (built by db/dbgen from data/distros/*.conf).
-- Bump user_version (and LF_DISTRO_DB_VERSION in db/distro-table.h) on any change
-- a reader would notice; lapfit refuses a database of another version.
PRAGMA user_version = 4;

CREATE TABLE edition (
  id TEXT PRIMARY KEY NOT NULL,     -- stable slug, the group name in the .conf file
  family TEXT NOT NULL,             -- file stem: ubuntu, debian, mint, ...
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  desktop TEXT NOT NULL,
  weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 3),   -- none, light, medium, heavy
  wayland_only INTEGER,             -- 0/1, NULL unknown
  released TEXT,                    -- YYYY-MM-DD | YYYY-MM | YYYY
  support_ends TEXT,                -- same, or 'rolling'
  arch TEXT NOT NULL CHECK (arch IN ('x86_64', 'i686')),
  isa_level INTEGER NOT NULL CHECK (isa_level BETWEEN 0 AND 4),   -- 0 for i686 rows
  needs_pae INTEGER NOT NULL,
  needs_sse2 INTEGER NOT NULL,
  needs_cmov INTEGER NOT NULL,
  soft_sse2 INTEGER NOT NULL,
  cpu_floor TEXT,
  ram_min_mb INTEGER,
  ram_rec_mb INTEGER,
  ram_floor_mb INTEGER,
  ram_min_use TEXT,
  ram_rec_use TEXT,
  disk_min_gb REAL,
  boot_bios INTEGER,                -- 0/1, NULL unknown
  boot_uefi INTEGER,
  boot_ia32_uefi INTEGER,          -- ia32_uefi=: the image boots on 32-bit UEFI; NULL unknown
  secure_boot INTEGER,
  nonfree_firmware INTEGER,
  installer INTEGER NOT NULL,
  notes TEXT,
  source TEXT NOT NULL,
  confidence TEXT NOT NULL CHECK (confidence IN ('O', 'S', 'I', '?')),
  isa_confidence TEXT NOT NULL,
  ram_confidence TEXT NOT NULL,
  disk_confidence TEXT NOT NULL,
  boot_confidence TEXT NOT NULL,
  firmware_confidence TEXT NOT NULL,
  file TEXT NOT NULL,               -- where the row came from, for error messages
  line INTEGER NOT NULL,
  ord INTEGER NOT NULL,             -- order of the text files
  -- Who the edition is for (issue #10); NULL until every row says (then NOT NULL).
  audience TEXT NOT NULL CHECK (audience IN ('newcomer', 'experienced', 'expert')),
  audience_why TEXT NOT NULL,       -- one-line rationale or source for audience
  weight_why TEXT NOT NULL,         -- one-line rationale for weight
  isa_source TEXT NOT NULL,         -- per-fact sources; dbgen copies `source` when unset
  ram_source TEXT NOT NULL,
  disk_source TEXT NOT NULL,
  boot_source TEXT NOT NULL,
  firmware_source TEXT NOT NULL,
  ia32_uefi_confidence TEXT NOT NULL,
  ia32_uefi_source TEXT NOT NULL,
  -- The secure_boot fact has its own confidence and source (version 4): an install guide
  -- may confirm Secure Boot and say nothing of the BIOS path. dbgen copies boot_* when unset.
  secure_boot_confidence TEXT NOT NULL,
  secure_boot_source TEXT NOT NULL
);
