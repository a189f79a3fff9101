using SociaalDomein.Cli;

return await SdStreamCli.Create().Parse(args).InvokeAsync();
