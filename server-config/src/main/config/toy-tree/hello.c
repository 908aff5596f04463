#include <stdio.h>

int main(int argc, char **argv)
{
	printf("hello from the toy tree (%d arguments)\n", argc - 1);
	return 0;
}
