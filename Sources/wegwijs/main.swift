import WegwijsCommandLine

await Wegwijs.runAsMain()
