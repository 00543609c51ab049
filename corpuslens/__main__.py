import sys

from corpuslens.cli import main

sys.exit(main())
