CREATE TABLE [ref].[regions] (
    [region_id]        INT            NOT NULL,
    [region_code]      CHAR (2)       NOT NULL,
    [region_name]      NVARCHAR (50)  NOT NULL,
    [country_code]     CHAR (2)       CONSTRAINT [DF_regions_country_code] DEFAULT ('US') NOT NULL,
    [regional_manager] NVARCHAR (100) NULL,
    [is_active]        BIT            CONSTRAINT [DF_regions_is_active] DEFAULT ((1)) NOT NULL,
    CONSTRAINT [PK_regions] PRIMARY KEY CLUSTERED ([region_id] ASC),
    CONSTRAINT [UQ_regions_region_code] UNIQUE NONCLUSTERED ([region_code] ASC)
);
GO
