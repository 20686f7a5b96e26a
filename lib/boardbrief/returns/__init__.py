"""Partner returns: a workbook per organisation out (`make`), their answers back in (`collect`).

`expected` says which organisations owe a return for a meeting and what each is asked; `layout`
is the workbook's shape, shared by `make_workbooks` (writing) and `read_workbooks` (reading and
checking); `collect` turns the returns into the next snapshots; `status` is the chasing list.
"""
