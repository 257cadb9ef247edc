from plutoeditor.cli.main import program

program()
