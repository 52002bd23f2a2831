// Runs in every test worker before each file.
process.env.NEWSDESK_TIME_ZONE ??= "Asia/Baku";
