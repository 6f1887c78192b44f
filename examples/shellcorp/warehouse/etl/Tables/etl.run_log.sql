CREATE TABLE [etl].[run_log] (
    [run_log_id]     INT              IDENTITY (1, 1) NOT NULL,
    [run_id]         UNIQUEIDENTIFIER NULL,
    [procedure_name] NVARCHAR (128)   NOT NULL,
    [step_name]      NVARCHAR (128)   NULL,
    [status]         VARCHAR (10)     NOT NULL,
    [row_count]      INT              NULL,
    [started_at]     DATETIME2 (3)    CONSTRAINT [DF_run_log_started_at] DEFAULT (sysutcdatetime()) NOT NULL,
    [finished_at]    DATETIME2 (3)    NULL,
    [duration_ms]    AS               (datediff(millisecond, [started_at], [finished_at])),
    [error_number]   INT              NULL,
    [error_message]  NVARCHAR (4000)  NULL,
    [host_name]      NVARCHAR (128)   CONSTRAINT [DF_run_log_host_name] DEFAULT (host_name()) NULL,
    [login_name]     NVARCHAR (128)   CONSTRAINT [DF_run_log_login_name] DEFAULT (suser_sname()) NULL,
    CONSTRAINT [PK_run_log] PRIMARY KEY CLUSTERED ([run_log_id] ASC),
    CONSTRAINT [CK_run_log_status] CHECK ([status]='SKIPPED' OR [status]='FAILED' OR [status]='SUCCEEDED' OR [status]='STARTED')
);


GO
CREATE NONCLUSTERED INDEX [IX_run_log_run_id]
    ON [etl].[run_log]([run_id] ASC)
    INCLUDE([procedure_name], [status]);
GO
