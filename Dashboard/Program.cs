Dashboard.DashboardApplication.Build(args).Run();
