from claimcheck.cli.app import main

main()
