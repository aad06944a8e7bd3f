--liquibase formatted sql

--changeset test:broken-1
create table testmod_broken (id bigint primary key);

--changeset test:broken-2
create tabel testmod_never (id bigint primary key);
