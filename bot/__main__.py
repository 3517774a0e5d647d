import sys

from bot.cli import main

# Guarded: chart worker processes ("spawn") import the main module again.
if __name__ == "__main__":
    sys.exit(main())
