USE [msdb]
GO

/****** Object:  Job [ShellCorp - Nightly ETL]    Script Date: 02/06/2025 09:41:17 ******/
BEGIN TRANSACTION
DECLARE @ReturnCode INT
SELECT @ReturnCode = 0
/****** Object:  JobCategory [BI - Warehouse]    Script Date: 02/06/2025 09:41:17 ******/
IF NOT EXISTS (SELECT name FROM msdb.dbo.syscategories WHERE name=N'BI - Warehouse' AND category_class=1)
BEGIN
EXEC @ReturnCode = msdb.dbo.sp_add_category @class=N'JOB', @type=N'LOCAL', @name=N'BI - Warehouse'
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback

END

DECLARE @jobId BINARY(16)
EXEC @ReturnCode =  msdb.dbo.sp_add_job @job_name=N'ShellCorp - Nightly ETL', 
		@enabled=1, 
		@notify_level_eventlog=2, 
		@notify_level_email=2, 
		@notify_level_netsend=0, 
		@notify_level_page=0, 
		@delete_level=0, 
		@description=N'Builds the dw schema of ShellCorp every night once the POS import has landed. Owner: BI team (bi-team@shellcorp.example). On failure: see etl.run_log for the run_id, fix, then start the job at step 2.', 
		@category_name=N'BI - Warehouse', 
		@owner_login_name=N'SHELLCORP\svc_sqlagent', 
		@notify_email_operator_name=N'BI On Call', @job_id = @jobId OUTPUT
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
/****** Object:  Step [Wait for POS import]    Script Date: 02/06/2025 09:41:17 ******/
EXEC @ReturnCode = msdb.dbo.sp_add_jobstep @job_id=@jobId, @step_name=N'Wait for POS import', 
		@step_id=1, 
		@cmdexec_success_code=0, 
		@on_success_action=3, 
		@on_success_step_id=0, 
		@on_fail_action=2, 
		@on_fail_step_id=0, 
		@retry_attempts=6, 
		@retry_interval=10, 
		@os_run_priority=0, @subsystem=N'TSQL', 
		@command=N'-- fails (and retries every 10 minutes, 6 times) until today''s POS batch is complete
IF NOT EXISTS (SELECT 1
               FROM etl.stg_order_import
               WHERE batch_status = ''COMPLETE''
                 AND imported_at >= CAST(SYSUTCDATETIME() AS date))
    RAISERROR(N''POS import not complete yet'', 16, 1);', 
		@database_name=N'ShellCorp', 
		@flags=0
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
/****** Object:  Step [Run nightly build]    Script Date: 02/06/2025 09:41:17 ******/
EXEC @ReturnCode = msdb.dbo.sp_add_jobstep @job_id=@jobId, @step_name=N'Run nightly build', 
		@step_id=2, 
		@cmdexec_success_code=0, 
		@on_success_action=3, 
		@on_success_step_id=0, 
		@on_fail_action=2, 
		@on_fail_step_id=0, 
		@retry_attempts=0, 
		@retry_interval=0, 
		@os_run_priority=0, @subsystem=N'TSQL', 
		@command=N'EXEC etl.usp_run_nightly @skip_customers = 0;', 
		@database_name=N'ShellCorp', 
		@output_file_name=N'D:\SQLAgentLogs\ShellCorp_Nightly_ETL_$(ESCAPE_SQUOTE(STRTDT)).log', 
		@flags=2
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
/****** Object:  Step [Update statistics]    Script Date: 02/06/2025 09:41:17 ******/
EXEC @ReturnCode = msdb.dbo.sp_add_jobstep @job_id=@jobId, @step_name=N'Update statistics', 
		@step_id=3, 
		@cmdexec_success_code=0, 
		@on_success_action=1, 
		@on_success_step_id=0, 
		@on_fail_action=2, 
		@on_fail_step_id=0, 
		@retry_attempts=0, 
		@retry_interval=0, 
		@os_run_priority=0, @subsystem=N'TSQL', 
		@command=N'-- the Power BI refresh at 06:00 times out on stale statistics (INC0047731)
UPDATE STATISTICS dw.daily_sales_summary WITH FULLSCAN;
UPDATE STATISTICS dw.dim_customer WITH FULLSCAN;
EXEC sp_updatestats;', 
		@database_name=N'ShellCorp', 
		@flags=0
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
EXEC @ReturnCode = msdb.dbo.sp_update_job @job_id = @jobId, @start_step_id = 1
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
DECLARE @schedule_id INT
EXEC @ReturnCode = msdb.dbo.sp_add_schedule @schedule_name=N'ShellCorp - daily 02:00', 
		@enabled=1, 
		@freq_type=4, 
		@freq_interval=1, 
		@freq_subday_type=1, 
		@freq_subday_interval=0, 
		@freq_relative_interval=0, 
		@freq_recurrence_factor=0, 
		@active_start_date=20160209, 
		@active_end_date=99991231, 
		@active_start_time=20000, 
		@active_end_time=235959, 
		@schedule_id = @schedule_id OUTPUT
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
EXEC @ReturnCode = msdb.dbo.sp_attach_schedule @job_id=@jobId, @schedule_id=@schedule_id
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
EXEC @ReturnCode = msdb.dbo.sp_add_jobserver @job_id = @jobId, @server_name = N'(local)'
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
COMMIT TRANSACTION
GOTO EndSave
QuitWithRollback:
    IF (@@TRANCOUNT > 0) ROLLBACK TRANSACTION
EndSave:
GO

