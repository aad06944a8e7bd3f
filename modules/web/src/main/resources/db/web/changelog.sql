--liquibase formatted sql

--changeset web:1
create table web_theme (
    initiative_id bigint not null primary key,
    primary_color varchar(7) not null,
    logo_type varchar(40),
    logo_base64 varchar(400000),
    contact_email varchar(200),
    contact_phone varchar(40),
    contact_address varchar(300),
    updated_at timestamp with time zone not null,
    version bigint not null
);

--changeset web:2
alter table web_theme add column welcome_text varchar(1000);
