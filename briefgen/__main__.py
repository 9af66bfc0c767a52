"""``python -m briefgen`` runs the CLI."""
from briefgen.cli import main

if __name__ == "__main__":
    main()
